/*---------------------------------------------------------------------------*\
  magtwin: OpenFOAM boundary conditions for magnetron sputter tools.
  Built against OpenFOAM v1912 (www.openfoam.com), GPL-3.0-or-later like OpenFOAM.
\*---------------------------------------------------------------------------*/

#include "filmDepositionFvPatchScalarField.H"
#include "addToRunTimeSelectionTable.H"
#include "fvPatchFieldMapper.H"
#include "volFields.H"

#include "bridge/CoreBridge.hpp"

#include <exception>

// * * * * * * * * * * * * * * * Local Functions * * * * * * * * * * * * * * //

namespace
{
    // One nanometre in metres.
    constexpr Foam::scalar metresPerNanometre = 1e-9;
}


// * * * * * * * * * * * * * Private Member Functions  * * * * * * * * * * * //

void Foam::filmDepositionFvPatchScalarField::readParameters
(
    const dictionary& dict
)
{
    stickingCoefficient_ = dict.getCheck<scalar>
    (
        "stickingCoefficient",
        [](const scalar s) { return s > 0 && s <= 1; }
    );
    gasTemperature_ = dict.getCheck<scalar>
    (
        "gasTemperature",
        [](const scalar T) { return T > 0; }
    );
    diffusivity_ = dict.getCheck<scalar>
    (
        "diffusivity",
        [](const scalar D) { return D > 0; }
    );
    filmElement_ = dict.get<word>("filmElement");

    try
    {
        const magtwin::foam::FilmMaterial film =
            magtwin::foam::filmMaterial(filmElement_);
        meanThermalSpeed_ =
            magtwin::foam::meanThermalSpeed(film.atomMassKg, gasTemperature_);
        filmAtomicDensity_ = film.atomicDensityPerM3;
    }
    catch (const std::exception& e)
    {
        FatalIOErrorInFunction(dict)
            << "Entry 'filmElement' (" << filmElement_ << "): " << e.what()
            << nl << exit(FatalIOError);
    }
}


Foam::scalar
Foam::filmDepositionFvPatchScalarField::depositionVelocity() const
{
    return stickingCoefficient_*meanThermalSpeed_/4;
}


Foam::tmp<Foam::scalarField>
Foam::filmDepositionFvPatchScalarField::thicknessIncrement
(
    const scalar dt
) const
{
    return depositionFlux()*dt/filmAtomicDensity_/metresPerNanometre;
}


Foam::tmp<Foam::scalarField>
Foam::filmDepositionFvPatchScalarField::currentFilmThickness() const
{
    if (pendingTimeIndex_ >= 0)
    {
        return filmThickness_ + thicknessIncrement(db().time().deltaTValue());
    }
    return tmp<scalarField>::New(filmThickness_);
}


// * * * * * * * * * * * * * * * * Constructors  * * * * * * * * * * * * * * //

Foam::filmDepositionFvPatchScalarField::filmDepositionFvPatchScalarField
(
    const fvPatch& p,
    const DimensionedField<scalar, volMesh>& iF
)
:
    mixedFvPatchScalarField(p, iF),
    stickingCoefficient_(0),
    gasTemperature_(0),
    diffusivity_(0),
    filmElement_(),
    meanThermalSpeed_(0),
    filmAtomicDensity_(1),
    filmThickness_(p.size(), Zero),
    pendingTimeIndex_(-1)
{
    refValue() = Zero;
    refGrad() = Zero;
    valueFraction() = Zero;
}


Foam::filmDepositionFvPatchScalarField::filmDepositionFvPatchScalarField
(
    const fvPatch& p,
    const DimensionedField<scalar, volMesh>& iF,
    const dictionary& dict
)
:
    mixedFvPatchScalarField(p, iF),
    stickingCoefficient_(0),
    gasTemperature_(0),
    diffusivity_(0),
    filmElement_(),
    meanThermalSpeed_(0),
    filmAtomicDensity_(1),
    filmThickness_(p.size(), Zero),
    pendingTimeIndex_(-1)
{
    readParameters(dict);

    if (dict.found("filmThickness"))
    {
        filmThickness_ = scalarField("filmThickness", dict, p.size());
    }

    refValue() = Zero;
    refGrad() = Zero;
    valueFraction() =
        depositionVelocity()
       /(depositionVelocity() + diffusivity_*patch().deltaCoeffs());

    if (dict.found("value"))
    {
        fvPatchScalarField::operator=(scalarField("value", dict, p.size()));
    }
    else
    {
        fvPatchScalarField::operator=(patchInternalField());
    }
}


Foam::filmDepositionFvPatchScalarField::filmDepositionFvPatchScalarField
(
    const filmDepositionFvPatchScalarField& ptf,
    const fvPatch& p,
    const DimensionedField<scalar, volMesh>& iF,
    const fvPatchFieldMapper& mapper
)
:
    mixedFvPatchScalarField(ptf, p, iF, mapper),
    stickingCoefficient_(ptf.stickingCoefficient_),
    gasTemperature_(ptf.gasTemperature_),
    diffusivity_(ptf.diffusivity_),
    filmElement_(ptf.filmElement_),
    meanThermalSpeed_(ptf.meanThermalSpeed_),
    filmAtomicDensity_(ptf.filmAtomicDensity_),
    filmThickness_(ptf.filmThickness_, mapper),
    pendingTimeIndex_(ptf.pendingTimeIndex_)
{}


Foam::filmDepositionFvPatchScalarField::filmDepositionFvPatchScalarField
(
    const filmDepositionFvPatchScalarField& ptf
)
:
    mixedFvPatchScalarField(ptf),
    stickingCoefficient_(ptf.stickingCoefficient_),
    gasTemperature_(ptf.gasTemperature_),
    diffusivity_(ptf.diffusivity_),
    filmElement_(ptf.filmElement_),
    meanThermalSpeed_(ptf.meanThermalSpeed_),
    filmAtomicDensity_(ptf.filmAtomicDensity_),
    filmThickness_(ptf.filmThickness_),
    pendingTimeIndex_(ptf.pendingTimeIndex_)
{}


Foam::filmDepositionFvPatchScalarField::filmDepositionFvPatchScalarField
(
    const filmDepositionFvPatchScalarField& ptf,
    const DimensionedField<scalar, volMesh>& iF
)
:
    mixedFvPatchScalarField(ptf, iF),
    stickingCoefficient_(ptf.stickingCoefficient_),
    gasTemperature_(ptf.gasTemperature_),
    diffusivity_(ptf.diffusivity_),
    filmElement_(ptf.filmElement_),
    meanThermalSpeed_(ptf.meanThermalSpeed_),
    filmAtomicDensity_(ptf.filmAtomicDensity_),
    filmThickness_(ptf.filmThickness_),
    pendingTimeIndex_(ptf.pendingTimeIndex_)
{}


// * * * * * * * * * * * * * * * Member Functions  * * * * * * * * * * * * * //

Foam::tmp<Foam::scalarField>
Foam::filmDepositionFvPatchScalarField::depositionFlux() const
{
    return depositionVelocity()*static_cast<const scalarField&>(*this);
}


void Foam::filmDepositionFvPatchScalarField::autoMap
(
    const fvPatchFieldMapper& m
)
{
    mixedFvPatchScalarField::autoMap(m);
    filmThickness_.autoMap(m);
}


void Foam::filmDepositionFvPatchScalarField::rmap
(
    const fvPatchScalarField& ptf,
    const labelList& addr
)
{
    mixedFvPatchScalarField::rmap(ptf, addr);

    const filmDepositionFvPatchScalarField& fdptf =
        refCast<const filmDepositionFvPatchScalarField>(ptf);

    filmThickness_.rmap(fdptf.filmThickness_, addr);
}


void Foam::filmDepositionFvPatchScalarField::updateCoeffs()
{
    if (updated())
    {
        return;
    }

    const Time& runTime = db().time();
    const label timeIndex = runTime.timeIndex();

    // First call of a new time step: the previous solved step is complete,
    // its deposit (flux of its final face values x its step size) is final.
    if (timeIndex != pendingTimeIndex_ && timeIndex > runTime.startTimeIndex())
    {
        if (pendingTimeIndex_ >= 0)
        {
            filmThickness_ += thicknessIncrement(runTime.deltaT0Value());
        }
        pendingTimeIndex_ = timeIndex;
    }

    // The mesh may have moved or been refined: recompute with current deltas.
    refValue() = Zero;
    refGrad() = Zero;
    valueFraction() =
        depositionVelocity()
       /(depositionVelocity() + diffusivity_*patch().deltaCoeffs());

    mixedFvPatchScalarField::updateCoeffs();
}


void Foam::filmDepositionFvPatchScalarField::write(Ostream& os) const
{
    fvPatchScalarField::write(os);
    os.writeEntry("stickingCoefficient", stickingCoefficient_);
    os.writeEntry("gasTemperature", gasTemperature_);
    os.writeEntry("diffusivity", diffusivity_);
    os.writeEntry("filmElement", filmElement_);
    currentFilmThickness()().writeEntry("filmThickness", os);
    writeEntry("value", os);
}


// * * * * * * * * * * * * * * Build Macro Function  * * * * * * * * * * * * //

namespace Foam
{
    makePatchTypeField
    (
        fvPatchScalarField,
        filmDepositionFvPatchScalarField
    );
}

// ************************************************************************* //
