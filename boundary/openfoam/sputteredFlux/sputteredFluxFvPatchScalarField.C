/*---------------------------------------------------------------------------*\
  magtwin: OpenFOAM boundary conditions for magnetron sputter tools.
  Built against OpenFOAM v1912 (www.openfoam.com), GPL-3.0-or-later like OpenFOAM.
\*---------------------------------------------------------------------------*/

#include "sputteredFluxFvPatchScalarField.H"
#include "addToRunTimeSelectionTable.H"
#include "fvPatchFieldMapper.H"
#include "volFields.H"

#include "boundary/openfoam/bridge/CoreBridge.hpp"
#include "boundary/openfoam/bridge/SputterSource.hpp"

#include <exception>

// * * * * * * * * * * * * * * * Member Functions  * * * * * * * * * * * * * //

Foam::tmp<Foam::scalarField>
Foam::sputteredFluxFvPatchScalarField::computeSputteredFlux() const
{
    const vectorField& Cf = patch().Cf();
    const tmp<vectorField> tnf = patch().nf();
    const vectorField& nf = tnf();
    // n0: original target normal, from the target into the gas; the patch
    // normal points out of the gas, so cos(theta) = -nf & n0. areaFactor turns
    // per original surface into per current face (tube targets).
    const magtwin::foam::SputterSource& source = settings_.source();

    // Operating point at the current time (quasi-steady transport).
    const scalar scale = settings_.ionFluxScale(db().time().value());

    tmp<scalarField> tJ(new scalarField(patch().size()));
    scalarField& J = tJ.ref();
    forAll(J, facei)
    {
        scalar x, y;
        settings_.cathodeCoordinates(Cf[facei], x, y);
        const vector n0 = settings_.targetNormal(Cf[facei]);
        const face& f = patch().patch()[facei];
        const pointField facePoints(f.points(patch().patch().points()));
        J[facei] =
            scale*settings_.areaFactor(facePoints)
           *source.sputteredFlux(x, y, -(nf[facei] & n0));
    }
    return tJ;
}


void Foam::sputteredFluxFvPatchScalarField::setCoefficients()
{
    // D dc/dn = f_th J - k c_f (n out of the gas): refGrad = f_th J / D with
    // valueFraction w = k/(k + D delta) makes the face flux D (c_f - c_P) delta
    // equal to f_th J - k c_f exactly (as filmDeposition's Robin sink).
    refGrad() = thermalizedFraction_*sputteredFlux_/diffusivity_;
    const scalar k = stickingVelocity();
    valueFraction() = k/(k + diffusivity_*patch().deltaCoeffs());
}


// * * * * * * * * * * * * * * * * Constructors  * * * * * * * * * * * * * * //

Foam::sputteredFluxFvPatchScalarField::sputteredFluxFvPatchScalarField
(
    const fvPatch& p,
    const DimensionedField<scalar, volMesh>& iF
)
:
    mixedFvPatchScalarField(p, iF),
    settings_(),
    thermalizedFraction_(1),
    diffusivity_(1),
    stickingCoefficient_(0),
    gasTemperature_(0),
    meanThermalSpeed_(0),
    sputteredFlux_(p.size(), Zero)
{
    refValue() = Zero;
    refGrad() = Zero;
    valueFraction() = Zero;
}


Foam::sputteredFluxFvPatchScalarField::sputteredFluxFvPatchScalarField
(
    const fvPatch& p,
    const DimensionedField<scalar, volMesh>& iF,
    const dictionary& dict
)
:
    mixedFvPatchScalarField(p, iF),
    settings_(dict),
    thermalizedFraction_
    (
        dict.getCheckOrDefault<scalar>
        (
            "thermalizedFraction",
            1,
            [](const scalar f) { return f >= 0 && f <= 1; }
        )
    ),
    diffusivity_
    (
        dict.getCheck<scalar>("diffusivity", [](const scalar D) { return D > 0; })
    ),
    stickingCoefficient_
    (
        dict.getCheckOrDefault<scalar>
        (
            "stickingCoefficient",
            0,
            [](const scalar s) { return s >= 0 && s <= 1; }
        )
    ),
    gasTemperature_
    (
        stickingCoefficient_ > 0
      ? dict.getCheck<scalar>("gasTemperature", [](const scalar T) { return T > 0; })
      : dict.getOrDefault<scalar>("gasTemperature", 0)
    ),
    meanThermalSpeed_(0),
    sputteredFlux_(p.size(), Zero)
{
    if (stickingCoefficient_ > 0)
    {
        try
        {
            meanThermalSpeed_ =
                magtwin::foam::meanThermalSpeed
                (
                    settings_.source().targetMeanAtomMassKg(),
                    gasTemperature_
                );
        }
        catch (const std::exception& e)
        {
            FatalIOErrorInFunction(dict)
                << "Entry 'gasTemperature': " << e.what() << exit(FatalIOError);
        }
    }

    sputteredFlux_ = computeSputteredFlux();
    refValue() = Zero;
    setCoefficients();

    if (dict.found("value"))
    {
        fvPatchScalarField::operator=(scalarField("value", dict, p.size()));
    }
    else
    {
        fvPatchScalarField::operator=(patchInternalField());
    }
}


Foam::sputteredFluxFvPatchScalarField::sputteredFluxFvPatchScalarField
(
    const sputteredFluxFvPatchScalarField& ptf,
    const fvPatch& p,
    const DimensionedField<scalar, volMesh>& iF,
    const fvPatchFieldMapper& mapper
)
:
    mixedFvPatchScalarField(ptf, p, iF, mapper),
    settings_(ptf.settings_),
    thermalizedFraction_(ptf.thermalizedFraction_),
    diffusivity_(ptf.diffusivity_),
    stickingCoefficient_(ptf.stickingCoefficient_),
    gasTemperature_(ptf.gasTemperature_),
    meanThermalSpeed_(ptf.meanThermalSpeed_),
    sputteredFlux_(ptf.sputteredFlux_, mapper)
{}


Foam::sputteredFluxFvPatchScalarField::sputteredFluxFvPatchScalarField
(
    const sputteredFluxFvPatchScalarField& ptf
)
:
    mixedFvPatchScalarField(ptf),
    settings_(ptf.settings_),
    thermalizedFraction_(ptf.thermalizedFraction_),
    diffusivity_(ptf.diffusivity_),
    stickingCoefficient_(ptf.stickingCoefficient_),
    gasTemperature_(ptf.gasTemperature_),
    meanThermalSpeed_(ptf.meanThermalSpeed_),
    sputteredFlux_(ptf.sputteredFlux_)
{}


Foam::sputteredFluxFvPatchScalarField::sputteredFluxFvPatchScalarField
(
    const sputteredFluxFvPatchScalarField& ptf,
    const DimensionedField<scalar, volMesh>& iF
)
:
    mixedFvPatchScalarField(ptf, iF),
    settings_(ptf.settings_),
    thermalizedFraction_(ptf.thermalizedFraction_),
    diffusivity_(ptf.diffusivity_),
    stickingCoefficient_(ptf.stickingCoefficient_),
    gasTemperature_(ptf.gasTemperature_),
    meanThermalSpeed_(ptf.meanThermalSpeed_),
    sputteredFlux_(ptf.sputteredFlux_)
{}


// * * * * * * * * * * * * * * * Member Functions  * * * * * * * * * * * * * //

void Foam::sputteredFluxFvPatchScalarField::autoMap
(
    const fvPatchFieldMapper& m
)
{
    mixedFvPatchScalarField::autoMap(m);
    sputteredFlux_.autoMap(m);
}


void Foam::sputteredFluxFvPatchScalarField::rmap
(
    const fvPatchScalarField& ptf,
    const labelList& addr
)
{
    mixedFvPatchScalarField::rmap(ptf, addr);

    const sputteredFluxFvPatchScalarField& sfptf =
        refCast<const sputteredFluxFvPatchScalarField>(ptf);

    sputteredFlux_.rmap(sfptf.sputteredFlux_, addr);
}


void Foam::sputteredFluxFvPatchScalarField::updateCoeffs()
{
    if (updated())
    {
        return;
    }

    // Face centres and normals change when the target erodes (moving mesh).
    sputteredFlux_ = computeSputteredFlux();
    setCoefficients();

    mixedFvPatchScalarField::updateCoeffs();
}


void Foam::sputteredFluxFvPatchScalarField::write(Ostream& os) const
{
    fvPatchScalarField::write(os);
    settings_.write(os);
    os.writeEntry("thermalizedFraction", thermalizedFraction_);
    os.writeEntry("diffusivity", diffusivity_);
    if (stickingCoefficient_ > 0)
    {
        os.writeEntry("stickingCoefficient", stickingCoefficient_);
        os.writeEntry("gasTemperature", gasTemperature_);
    }
    sputteredFlux_.writeEntry("sputteredFlux", os);
    writeEntry("value", os);
}


// * * * * * * * * * * * * * * Build Macro Function  * * * * * * * * * * * * //

namespace Foam
{
    makePatchTypeField
    (
        fvPatchScalarField,
        sputteredFluxFvPatchScalarField
    );
}

// ************************************************************************* //
