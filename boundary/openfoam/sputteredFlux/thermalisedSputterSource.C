/*---------------------------------------------------------------------------*\
  magtwin: OpenFOAM boundary conditions for magnetron sputter tools.
  Built against OpenFOAM v1912 (www.openfoam.com), GPL-3.0-or-later like OpenFOAM.
\*---------------------------------------------------------------------------*/

#include "thermalisedSputterSource.H"
#include "sputteredFluxFvPatchScalarField.H"
#include "boundary/openfoam/filmDeposition/filmDepositionFvPatchScalarField.H"
#include "boundary/openfoam/common/emitterFaces.H"
#include "meshSearch.H"
#include "emptyPolyPatch.H"
#include "emptyFvPatch.H"
#include "Pstream.H"
#include "ListOps.H"

#include "boundary/openfoam/bridge/GasThermalisation.hpp"

#include <exception>

// * * * * * * * * * * * * * * * * Constructors  * * * * * * * * * * * * * * //

Foam::thermalisedSputterSource::thermalisedSputterSource
(
    const fvMesh& mesh,
    const dictionary& dict
)
:
    mesh_(mesh),
    gasPressure_
    (
        dict.getCheckOrDefault<scalar>
        (
            "gasPressure", 0, [](const scalar p) { return p >= 0; }
        )
    ),
    gasTemperature_(0),
    sigmaEff_(0),
    scatteredDeposited_(1),
    thermalisationColumn_(0),
    model_(),
    emitted_(0),
    thermalised_(0),
    viewSumMin_(0),
    viewSumMax_(0),
    emissionDistribution_
    (
        dict.getOrDefault<word>("emissionDistribution", "cosine")
    ),
    cosExponent_(dict.getOrDefault<scalar>("cosExponent", 1))
{
    if (!active())
    {
        Info<< "No gas (gasPressure 0): no thermalised volume source" << endl;
        return;
    }
    gasTemperature_ = dict.get<scalar>("gasTemperature");
    sigmaEff_ = dict.get<scalar>("sigmaEff");
    scatteredDeposited_ = dict.get<scalar>("scatteredDeposited");
    thermalisationColumn_ = dict.get<scalar>("thermalisationColumn");
    try
    {
        model_ = std::make_shared<const magtwin::foam::GasThermalisation>
        (
            gasPressure_,
            gasTemperature_,
            sigmaEff_,
            scatteredDeposited_,
            thermalisationColumn_,
            emissionDistribution_,
            cosExponent_
        );
    }
    catch (const std::exception& e)
    {
        FatalIOErrorInFunction(dict) << e.what() << exit(FatalIOError);
    }
    Info<< "Gas " << gasPressure_ << " Pa, " << gasTemperature_ << " K: n = "
        << model_->numberDensity() << " m^-3, sigmaEff " << sigmaEff_
        << " m^2, eta " << scatteredDeposited_ << ", thermalisationColumn "
        << thermalisationColumn_ << " m^-2 (d_th = "
        << thermalisationColumn_/model_->numberDensity() << " m)" << endl;
}


// * * * * * * * * * * * * * * * Member Functions  * * * * * * * * * * * * * //

void Foam::thermalisedSputterSource::updateGeometry
(
    const pointField& x0,
    const vectorField& n0
)
{
    // Over this processor's non-coupled boundary faces, then all processors:
    // h, the first wall along each normal, and the emission-weighted mean
    // transmission exp(-n sigma_eff r) to the walls (no shadowing: a convex
    // chamber, as the line-of-sight flux of filmDeposition).
    const scalar tiny = 1e-9*mag(mesh_.bounds().span());
    const bool threeD = mesh_.nGeometricD() == 3;
    scalarField h(x0.size(), GREAT);
    scalarField weight(x0.size(), Zero);
    scalarField transmitted(x0.size(), Zero);
    const vectorField& Sf = mesh_.faceAreas();
    const vectorField& Cf = mesh_.faceCentres();
    const polyBoundaryMesh& pbm = mesh_.boundaryMesh();
    const pointField& points = mesh_.points();
    forAll(pbm, patchi)
    {
        const polyPatch& pp = pbm[patchi];
        if (pp.coupled() || isA<emptyPolyPatch>(pp))
        {
            continue;
        }
        forAll(pp, facei)
        {
            const face& f = pp[facei];
            const label meshFacei = pp.start() + facei;
            const scalar area = mag(Sf[meshFacei]);
            const vector nOut = Sf[meshFacei]/area;
            forAll(x0, e)
            {
                const vector d = Cf[meshFacei] - x0[e];
                const scalar r = mag(d);
                if (threeD && r > tiny)
                {
                    const scalar w =
                        model_->viewWeight((d & n0[e])/r, (d & nOut)/r, area, r);
                    weight[e] += w;
                    transmitted[e] += w*model_->transmission(r);
                }
                const pointHit hit =
                    f.intersection
                    (
                        x0[e], n0[e], Cf[meshFacei], points,
                        intersection::HALF_RAY
                    );
                if (hit.hit() && hit.distance() > tiny && hit.distance() < h[e])
                {
                    h[e] = hit.distance();
                }
            }
        }
    }
    Pstream::listCombineGather(h, minEqOp<scalar>());
    Pstream::listCombineScatter(h);
    Pstream::listCombineGather(weight, plusEqOp<scalar>());
    Pstream::listCombineScatter(weight);
    Pstream::listCombineGather(transmitted, plusEqOp<scalar>());
    Pstream::listCombineScatter(transmitted);
    viewSumMin_ = x0.size() ? min(weight) : 0;
    viewSumMax_ = x0.size() ? max(weight) : 0;

    // Birth points and their cells; a point on a processor boundary counts
    // once, on the lowest processor that holds it.
    meshSearch search(mesh_);
    labelList cellOf(x0.size(), -1);
    labelList owner(x0.size(), Pstream::nProcs());
    scalarField fraction(x0.size(), Zero);
    forAll(x0, e)
    {
        if (h[e] >= GREAT)
        {
            FatalErrorInFunction
                << "Emitting face at " << x0[e] << " (normal " << n0[e]
                << "): no wall along its normal; the thermalised share needs"
                << " a closed chamber" << exit(FatalError);
        }
        if (!threeD)
        {
            // 2-D and axisymmetric meshes: the core's plane formula with h
            // (the solid-angle weights need the third dimension).
            fraction[e] = model_->thermalisedFraction(h[e]);
        }
        else if (weight[e] <= 0)
        {
            FatalErrorInFunction
                << "Emitting face at " << x0[e] << ": sees no wall"
                << exit(FatalError);
        }
        else
        {
            fraction[e] =
                model_->thermalisedFractionOf(transmitted[e]/weight[e]);
        }
        const point xb = x0[e] + model_->thermalisationDistance(h[e])*n0[e];
        cellOf[e] = search.findCell(xb);
        if (cellOf[e] >= 0)
        {
            owner[e] = Pstream::myProcNo();
        }
    }
    Pstream::listCombineGather(owner, minEqOp<label>());
    Pstream::listCombineScatter(owner);

    forAll(x0, e)
    {
        if (owner[e] == Pstream::nProcs())
        {
            FatalErrorInFunction
                << "Emitting face at " << x0[e] << ": the birth point at "
                << model_->thermalisationDistance(h[e]) << " m along its"
                << " normal lies in no cell" << exit(FatalError);
        }
    }
    cellOf_.transfer(cellOf);
    owner_.transfer(owner);
    fraction_.transfer(fraction);
}


Foam::tmp<Foam::volScalarField::Internal>
Foam::thermalisedSputterSource::source(const volScalarField& c)
{
    tmp<volScalarField::Internal> tS
    (
        new volScalarField::Internal
        (
            IOobject
            (
                "thermalisedSource",
                mesh_.time().timeName(),
                mesh_,
                IOobject::NO_READ,
                IOobject::NO_WRITE
            ),
            mesh_,
            dimensionedScalar(c.dimensions()/dimTime, Zero)
        )
    );
    emitted_ = 0;
    thermalised_ = 0;
    if (!active())
    {
        return tS;
    }
    volScalarField::Internal& S = tS.ref();

    // This processor's emitting faces: centre, normal into the gas, atoms/s.
    DynamicList<point> centres;
    DynamicList<vector> normals;
    DynamicList<scalar> rates;
    forAll(c.boundaryField(), patchi)
    {
        const fvPatchScalarField& pf = c.boundaryField()[patchi];
        if (!isA<sputteredFluxFvPatchScalarField>(pf))
        {
            continue;
        }
        const sputteredFluxFvPatchScalarField& sf =
            refCast<const sputteredFluxFvPatchScalarField>(pf);
        if (sf.thermalizedFraction() > 0)
        {
            FatalErrorInFunction
                << "Patch " << pf.patch().name() << " of " << c.name()
                << ": thermalizedFraction " << sf.thermalizedFraction()
                << " with gasPressure " << gasPressure_ << " Pa: the gas model"
                << " already thermalises its share in the volume; give"
                << " thermalizedFraction 0" << exit(FatalError);
        }
        centres.append(pf.patch().Cf());
        normals.append(vectorField(-pf.patch().nf()));
        rates.append(scalarField(sf.computeSputteredFlux()*pf.patch().magSf()));
    }
    const emitterFaces all = gatherEmitterFaces(centres, normals, rates);
    const pointField& x0 = all.centres;
    const vectorField& n0 = all.normals;
    const scalarField& N = all.rates;

    // The geometry (h, the mean transmission, the birth cells) once, and again
    // whenever the mesh moves (target erosion).
    if (fraction_.size() != x0.size() || mesh_.moving())
    {
        updateGeometry(x0, n0);
    }
    const labelList& cellOf = cellOf_;
    const labelList& owner = owner_;
    const scalarField& fraction = fraction_;

    const scalarField& V = mesh_.V();
    forAll(x0, e)
    {
        if (owner[e] == Pstream::myProcNo())
        {
            S[cellOf[e]] += fraction[e]*N[e]/V[cellOf[e]];
        }
        emitted_ += N[e];
        thermalised_ += fraction[e]*N[e];
    }
    return tS;
}


void Foam::thermalisedSputterSource::checkLineOfSightPatches
(
    const volScalarField& c
) const
{
    const auto differ = [](const scalar a, const scalar b)
    {
        return mag(a - b) > 1e-12*max(mag(a), mag(b));
    };
    forAll(c.boundaryField(), patchi)
    {
        const fvPatchScalarField& pf = c.boundaryField()[patchi];
        if (!isA<filmDepositionFvPatchScalarField>(pf))
        {
            continue;
        }
        const filmDepositionFvPatchScalarField& fd =
            refCast<const filmDepositionFvPatchScalarField>(pf);
        if (!fd.lineOfSight())
        {
            continue;
        }
        word entry;
        if (differ(fd.gasPressure(), gasPressure_))
        {
            entry = "gasPressure";
        }
        else if
        (
            gasPressure_ > 0
         && (
                differ(fd.sigmaEff(), sigmaEff_)
             || differ(fd.scatteredDeposited(), scatteredDeposited_)
            )
        )
        {
            entry = "sigmaEff/scatteredDeposited";
        }
        else if
        (
            gasPressure_ > 0
         && (
                fd.emissionDistribution() != emissionDistribution_
             || differ(fd.cosExponent(), cosExponent_)
            )
        )
        {
            entry = "emissionDistribution/cosExponent";
        }
        if (!entry.empty())
        {
            FatalErrorInFunction
                << "Patch " << pf.patch().name() << " of " << c.name()
                << " (filmDeposition, lineOfSightSource): " << entry
                << " differs from constant/transportProperties; the ballistic"
                << " arrivals and the thermalised share would not add up to"
                << " the emission" << exit(FatalError);
        }
    }
}


Foam::scalar Foam::thermalisedSputterSource::balance
(
    const volScalarField& c,
    scalar D,
    Ostream& os
) const
{
    scalar uptake = 0;
    os  << "Gas balance: thermalised source " << thermalised_ << " atoms/s of "
        << emitted_ << " emitted; uptake";
    forAll(c.boundaryField(), patchi)
    {
        const fvPatchScalarField& pf = c.boundaryField()[patchi];
        if (pf.coupled() || isA<emptyFvPatch>(pf.patch()))
        {
            continue;
        }
        // Outward diffusive flux of the patch, -D dc/dn |S_f| summed.
        const scalar patchUptake =
            returnReduce(sum(-D*pf.snGrad()*pf.patch().magSf()), sumOp<scalar>());
        os  << " " << pf.patch().name() << " " << patchUptake;
        uptake += patchUptake;
    }
    const scalar held = gSum(c.primitiveField()*mesh_.V());
    const scalar imbalance =
        thermalised_ > 0 ? mag(thermalised_ - uptake)/thermalised_ : 0;
    os  << "; total " << uptake << "; held " << held << " atoms"
        << "; relative imbalance " << imbalance
        << "; view-factor sums " << viewSumMin_ << " to " << viewSumMax_ << endl;
    return imbalance;
}

// ************************************************************************* //
